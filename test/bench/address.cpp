// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// tsock's address text functions against glibc's, on the same inputs:
//   parse v4   address_v4::try_parse  vs inet_pton(AF_INET)
//   parse v6   address_v6::try_parse  vs inet_pton(AF_INET6)
//   format v4  address_v4::to_chars   vs inet_ntop(AF_INET)
//   format v6  address_v6::to_chars   vs inet_ntop(AF_INET6)
//   inet_aton  tsock::try_inet_aton   vs inet_aton
// Each iteration goes over a fixed-seed set of 65536 addresses. Before timing,
// every input is checked to give the same answer from both; a difference stops
// the program. After the Google Benchmark output comes a table of medians per
// address and whether tsock meets its targets: parsing at least 1.5 times as
// fast as inet_pton, formatting at least as fast as inet_ntop.
//
//   g++ -std=c++20 -O2 -DNDEBUG -Iinclude test/bench/address.cpp -o bench_address -lbenchmark -lpthread
//   ./bench_address [--benchmark_* flags]
//
// The defaults (10 repetitions of at least 0.1 s each, in random order so that
// a drift in clock speed does not favour one side, aggregates only) are given
// as flags before the user's, so --benchmark_repetitions=N and the others
// override them. For machine-readable figures use --benchmark_out=FILE
// (the console output stays as it is, to print the table).

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/inet.hpp>

#include <benchmark/benchmark.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace {

// Big enough that the branch predictor cannot learn the set by heart, as it
// does with a thousand addresses repeated: on an AMD EPYC that made both
// parsers two to three times faster than on addresses they have not seen,
// and flattered the branchier code (tsock's) most.
constexpr std::size_t input_count = 65536;
constexpr std::uint64_t seed = 0x7450'636b'2026'0001; // any fixed value: the inputs are the same on every run

// ---------------------------------------------------------------------------
// Inputs

class random_source {
public:
    explicit random_source(std::uint64_t s) : engine_(s) {}
    // Uniform enough in [0, n) for choosing inputs (mt19937_64 is the same
    // everywhere; std::uniform_int_distribution is not).
    unsigned below(unsigned n) { return unsigned(engine_() % n); }
    // A byte written with one, two or three decimal digits, each as likely.
    unsigned octet()
    {
        switch (below(3)) {
        case 0: return below(10);
        case 1: return 10 + below(90);
        default: return 100 + below(156);
        }
    }
    // A 16-bit group written with one to four hex digits, each as likely.
    unsigned group()
    {
        const unsigned digits = 1 + below(4);
        const unsigned low = digits == 1 ? 0 : 1u << (4 * (digits - 1));
        return low + below((1u << (4 * digits)) - low);
    }
    unsigned nonzero_group()
    {
        unsigned g = 0;
        while (g == 0)
            g = group();
        return g;
    }

private:
    std::mt19937_64 engine_;
};

std::string dotted(unsigned a, unsigned b, unsigned c, unsigned d)
{
    char text[16];
    std::snprintf(text, sizeof text, "%u.%u.%u.%u", a, b, c, d);
    return text;
}

std::string hex_group(unsigned g, bool pad, bool upper)
{
    char text[16];
    std::snprintf(text, sizeof text, pad ? (upper ? "%04X" : "%04x") : (upper ? "%X" : "%x"), g);
    return text;
}

std::string glibc_ntop6(const std::array<unsigned, 8>& groups)
{
    ::in6_addr a{};
    for (std::size_t i = 0; i != 8; ++i) {
        a.s6_addr[2 * i] = std::uint8_t(groups[i] >> 8);
        a.s6_addr[2 * i + 1] = std::uint8_t(groups[i]);
    }
    char text[INET6_ADDRSTRLEN];
    ::inet_ntop(AF_INET6, &a, text, sizeof text);
    return text;
}

// ::a.b.c.d (deprecated IPv4-compatible): glibc's inet_ntop writes the dotted
// tail, RFC 5952 (and tsock) hex groups, so formatting would rightly differ.
bool v4_compatible(const std::array<unsigned, 8>& g)
{
    return (g[0] | g[1] | g[2] | g[3] | g[4] | g[5]) == 0 && g[6] != 0;
}

std::vector<std::string> make_v4_texts(random_source& rng)
{
    std::vector<std::string> texts;
    for (std::size_t i = 0; i != input_count; ++i)
        texts.push_back(dotted(rng.octet(), rng.octet(), rng.octet(), rng.octet()));
    return texts;
}

// Five kinds in turn: all eight groups written out, one "::" run in the middle,
// v4-mapped, short well-known ones (loopback among them), and random groups
// with zero runs in inet_ntop's canonical text.
std::vector<std::string> make_v6_texts(random_source& rng)
{
    static constexpr const char* well_known[] = {
        "::1", "::", "fe80::1", "ff02::1", "ff02::1:ff00:1", "2001:db8::1",
        "fe80::21b:21ff:fe3c:4d5e", "64:ff9b::c000:201",
    };
    std::vector<std::string> texts;
    for (std::size_t i = 0; i != input_count; ++i) {
        std::string text;
        switch (i % 5) {
        case 0: { // full form, zero-padded half the time, upper case one time in eight
            const bool pad = rng.below(2) == 0;
            const bool upper = rng.below(8) == 0;
            for (int k = 0; k != 8; ++k)
                text += (k ? ":" : "") + hex_group(rng.group(), pad, upper);
            break;
        }
        case 1: { // compressed: 1-4 groups, "::" for two or more zero groups, 1-3 groups
            const unsigned head = 1 + rng.below(4);
            const unsigned tail = 1 + rng.below(std::min(3u, 6 - head));
            for (unsigned k = 0; k != head; ++k)
                text += (k ? ":" : "") + hex_group(rng.nonzero_group(), false, false);
            text += ':';
            for (unsigned k = 0; k != tail; ++k)
                text += ":" + hex_group(rng.nonzero_group(), false, false);
            break;
        }
        case 2: // v4-mapped
            text = "::ffff:" + dotted(rng.octet(), rng.octet(), rng.octet(), rng.octet());
            break;
        case 3: text = well_known[(i / 5) % std::size(well_known)]; break;
        default: { // each group zero half the time
            std::array<unsigned, 8> groups{};
            do {
                for (auto& g : groups)
                    g = rng.below(2) ? 0 : rng.nonzero_group();
            } while (v4_compatible(groups));
            text = glibc_ntop6(groups);
            break;
        }
        }
        texts.push_back(text);
    }
    return texts;
}

// inet_aton's forms: one to four parts, each decimal, octal (0...) or hex
// (0x.../0X...), the last part holding the bytes the others left.
std::vector<std::string> make_aton_texts(random_source& rng)
{
    std::vector<std::string> texts;
    for (std::size_t i = 0; i != input_count; ++i) {
        const std::uint32_t value =
            std::uint32_t(rng.octet()) << 24 | rng.octet() << 16 | rng.octet() << 8 | rng.octet();
        const unsigned parts = 1 + rng.below(4);
        std::string text;
        for (unsigned k = 0; k != parts; ++k) {
            const bool last = k == parts - 1;
            const std::uint32_t part = last ? (parts == 1 ? value : value & (0xffffffffu >> (8 * k)))
                                            : (value >> (24 - 8 * k)) & 0xff;
            char buffer[16];
            switch (rng.below(4)) {
            case 0: std::snprintf(buffer, sizeof buffer, "0%o", part); break;
            case 1: std::snprintf(buffer, sizeof buffer, rng.below(2) ? "0x%x" : "0X%X", part); break;
            default: std::snprintf(buffer, sizeof buffer, "%u", part); break;
            }
            text += (k ? "." : "") + std::string(buffer);
        }
        texts.push_back(text);
    }
    return texts;
}

// NUL-terminated strings for glibc, views of the same characters for tsock.
struct text_set {
    std::vector<std::string> strings;
    std::vector<std::string_view> views;

    explicit text_set(std::vector<std::string> s) : strings(std::move(s)), views(strings.begin(), strings.end()) {}
};

struct inputs {
    text_set v4_texts;
    text_set v6_texts;
    text_set aton_texts;
    // The parsed addresses, for formatting: the same values in both types.
    std::vector<tsock::address_v4> v4_addresses;
    std::vector<::in_addr> v4_in_addrs;
    std::vector<tsock::address_v6> v6_addresses;
    std::vector<::in6_addr> v6_in6_addrs;
};

// ---------------------------------------------------------------------------
// Agreement, checked once before timing

[[noreturn]] void disagree(const char* what, std::string_view input, std::string_view tsock_says,
                           std::string_view glibc_says)
{
    std::fprintf(stderr, "bench_address: tsock and glibc disagree on %s of \"%.*s\": tsock %.*s, glibc %.*s\n", what,
                 int(input.size()), input.data(), int(tsock_says.size()), tsock_says.data(), int(glibc_says.size()),
                 glibc_says.data());
    std::exit(EXIT_FAILURE);
}

std::string hex_bytes(const void* data, std::size_t n)
{
    std::string text;
    char byte[3];
    for (std::size_t i = 0; i != n; ++i) {
        std::snprintf(byte, sizeof byte, "%02x", static_cast<const unsigned char*>(data)[i]);
        text += byte;
    }
    return text;
}

inputs make_inputs()
{
    random_source rng(seed);
    inputs in{text_set(make_v4_texts(rng)), text_set(make_v6_texts(rng)), text_set(make_aton_texts(rng)), {}, {},
              {}, {}};

    for (std::size_t i = 0; i != input_count; ++i) {
        const std::string_view text = in.v4_texts.views[i];
        const auto t = tsock::address_v4::try_parse(text);
        ::in_addr g{};
        const bool g_ok = ::inet_pton(AF_INET, in.v4_texts.strings[i].c_str(), &g) == 1;
        if (!t || !g_ok || t->to_in_addr().s_addr != g.s_addr)
            disagree("inet_pton(AF_INET)", text, t ? t->to_string() : "failed",
                     g_ok ? hex_bytes(&g, sizeof g) : "failed");
        in.v4_addresses.push_back(*t);
        in.v4_in_addrs.push_back(g);
    }
    for (std::size_t i = 0; i != input_count; ++i) {
        const std::string_view text = in.v6_texts.views[i];
        const auto t = tsock::address_v6::try_parse(text);
        ::in6_addr g{};
        const bool g_ok = ::inet_pton(AF_INET6, in.v6_texts.strings[i].c_str(), &g) == 1;
        const auto t_bytes = t ? t->to_bytes() : tsock::address_v6::bytes_type{};
        if (!t || !g_ok || std::memcmp(t_bytes.data(), g.s6_addr, 16) != 0)
            disagree("inet_pton(AF_INET6)", text, t ? hex_bytes(t_bytes.data(), 16) : "failed",
                     g_ok ? hex_bytes(g.s6_addr, 16) : "failed");
        in.v6_addresses.push_back(*t);
        in.v6_in6_addrs.push_back(g);
    }
    for (std::size_t i = 0; i != input_count; ++i) {
        const std::string_view text = in.aton_texts.views[i];
        const auto t = tsock::try_inet_aton(text);
        ::in_addr g{};
        const bool g_ok = ::inet_aton(in.aton_texts.strings[i].c_str(), &g) != 0;
        if (!t || !g_ok || t->to_in_addr().s_addr != g.s_addr)
            disagree("inet_aton", text, t ? t->to_string() : "failed", g_ok ? hex_bytes(&g, sizeof g) : "failed");
    }
    for (std::size_t i = 0; i != input_count; ++i) {
        char t[64], g[64];
        const auto r = in.v4_addresses[i].to_chars(t, t + sizeof t);
        const bool g_ok = ::inet_ntop(AF_INET, &in.v4_in_addrs[i], g, sizeof g) != nullptr;
        const std::string_view t_text(t, std::size_t(r.ptr - t));
        if (r.ec != std::errc() || !g_ok || t_text != g)
            disagree("inet_ntop(AF_INET)", in.v4_texts.views[i], t_text, g_ok ? g : "failed");
    }
    for (std::size_t i = 0; i != input_count; ++i) {
        char t[64], g[64];
        const auto r = in.v6_addresses[i].to_chars(t, t + sizeof t);
        const bool g_ok = ::inet_ntop(AF_INET6, &in.v6_in6_addrs[i], g, sizeof g) != nullptr;
        const std::string_view t_text(t, std::size_t(r.ptr - t));
        if (r.ec != std::errc() || !g_ok || t_text != g)
            disagree("inet_ntop(AF_INET6)", in.v6_texts.views[i], t_text, g_ok ? g : "failed");
    }
    return in;
}

// ---------------------------------------------------------------------------
// Benchmarks: each iteration handles the whole set

void done(benchmark::State& state)
{
    state.SetItemsProcessed(state.iterations() * std::int64_t(input_count));
}

void parse_v4_tsock(benchmark::State& state, const inputs& in)
{
    for (auto _ : state)
        for (const std::string_view text : in.v4_texts.views) {
            auto a = tsock::address_v4::try_parse(text);
            benchmark::DoNotOptimize(a);
        }
    done(state);
}

void parse_v4_glibc(benchmark::State& state, const inputs& in)
{
    for (auto _ : state)
        for (const std::string& text : in.v4_texts.strings) {
            ::in_addr a;
            int ok = ::inet_pton(AF_INET, text.c_str(), &a);
            benchmark::DoNotOptimize(ok);
            benchmark::DoNotOptimize(a);
        }
    done(state);
}

void parse_v6_tsock(benchmark::State& state, const inputs& in)
{
    for (auto _ : state)
        for (const std::string_view text : in.v6_texts.views) {
            auto a = tsock::address_v6::try_parse(text);
            benchmark::DoNotOptimize(a);
        }
    done(state);
}

void parse_v6_glibc(benchmark::State& state, const inputs& in)
{
    for (auto _ : state)
        for (const std::string& text : in.v6_texts.strings) {
            ::in6_addr a;
            int ok = ::inet_pton(AF_INET6, text.c_str(), &a);
            benchmark::DoNotOptimize(ok);
            benchmark::DoNotOptimize(a);
        }
    done(state);
}

void format_v4_tsock(benchmark::State& state, const inputs& in)
{
    char buffer[64];
    for (auto _ : state)
        for (const tsock::address_v4& a : in.v4_addresses) {
            auto r = a.to_chars(buffer, buffer + sizeof buffer);
            benchmark::DoNotOptimize(r);
            benchmark::DoNotOptimize(buffer);
        }
    done(state);
}

void format_v4_glibc(benchmark::State& state, const inputs& in)
{
    char buffer[64];
    for (auto _ : state)
        for (const ::in_addr& a : in.v4_in_addrs) {
            const char* r = ::inet_ntop(AF_INET, &a, buffer, sizeof buffer);
            benchmark::DoNotOptimize(r);
            benchmark::DoNotOptimize(buffer);
        }
    done(state);
}

void format_v6_tsock(benchmark::State& state, const inputs& in)
{
    char buffer[64];
    for (auto _ : state)
        for (const tsock::address_v6& a : in.v6_addresses) {
            auto r = a.to_chars(buffer, buffer + sizeof buffer);
            benchmark::DoNotOptimize(r);
            benchmark::DoNotOptimize(buffer);
        }
    done(state);
}

void format_v6_glibc(benchmark::State& state, const inputs& in)
{
    char buffer[64];
    for (auto _ : state)
        for (const ::in6_addr& a : in.v6_in6_addrs) {
            const char* r = ::inet_ntop(AF_INET6, &a, buffer, sizeof buffer);
            benchmark::DoNotOptimize(r);
            benchmark::DoNotOptimize(buffer);
        }
    done(state);
}

void aton_tsock(benchmark::State& state, const inputs& in)
{
    for (auto _ : state)
        for (const std::string_view text : in.aton_texts.views) {
            auto a = tsock::try_inet_aton(text);
            benchmark::DoNotOptimize(a);
        }
    done(state);
}

void aton_glibc(benchmark::State& state, const inputs& in)
{
    for (auto _ : state)
        for (const std::string& text : in.aton_texts.strings) {
            ::in_addr a;
            int ok = ::inet_aton(text.c_str(), &a);
            benchmark::DoNotOptimize(ok);
            benchmark::DoNotOptimize(a);
        }
    done(state);
}

// ---------------------------------------------------------------------------
// Summary

struct comparison {
    const char* name;   // benchmark name prefix: "<name>/tsock", "<name>/glibc"
    double min_speedup; // glibc time / tsock time required; 0: no target
    const char* target; // the target in words
};

constexpr comparison comparisons[] = {
    {"parse_v4", 1.5, "parsing >= 1.5x inet_pton"},
    {"parse_v6", 1.5, "parsing >= 1.5x inet_pton"},
    {"format_v4", 1.0, "formatting >= 1.0x inet_ntop"},
    {"format_v6", 1.0, "formatting >= 1.0x inet_ntop"},
    {"inet_aton", 0.0, "(none)"},
};

// The console output as usual, and each benchmark's median time per address:
// from the "median" aggregate when there are repetitions, else from the runs.
class median_reporter : public benchmark::ConsoleReporter {
public:
    using ConsoleReporter::ConsoleReporter;

    void ReportRuns(const std::vector<Run>& runs) override
    {
        for (const Run& run : runs) {
            if (run.error_occurred)
                continue;
            const double ns =
                run.GetAdjustedRealTime() / benchmark::GetTimeUnitMultiplier(run.time_unit) * 1e9 / double(input_count);
            auto& entry = results_[run.run_name.function_name];
            if (run.run_type == Run::RT_Aggregate) {
                if (run.aggregate_name == "median")
                    entry.median = ns;
            } else {
                entry.runs.push_back(ns);
            }
        }
        ConsoleReporter::ReportRuns(runs);
    }

    // Median ns per address, or a negative value when the benchmark did not run.
    double ns_per_op(const std::string& name) const
    {
        const auto it = results_.find(name);
        if (it == results_.end())
            return -1;
        if (it->second.median >= 0)
            return it->second.median;
        auto runs = it->second.runs;
        if (runs.empty())
            return -1;
        std::sort(runs.begin(), runs.end());
        const std::size_t n = runs.size();
        return n % 2 ? runs[n / 2] : (runs[n / 2 - 1] + runs[n / 2]) / 2;
    }

private:
    struct entry {
        double median = -1;
        std::vector<double> runs;
    };
    std::map<std::string, entry> results_;
};

void print_summary(const median_reporter& reporter)
{
    std::printf("\nMedian real time per address (%zu addresses per iteration):\n\n", input_count);
    std::printf("%-10s %12s %12s %9s  %-29s %s\n", "case", "tsock ns/op", "glibc ns/op", "speed-up", "target",
                "result");
    int targets = 0, met = 0;
    for (const comparison& c : comparisons) {
        const double t = reporter.ns_per_op(std::string(c.name) + "/tsock");
        const double g = reporter.ns_per_op(std::string(c.name) + "/glibc");
        if (t < 0 || g < 0) {
            std::printf("%-10s %12s %12s %9s  %-29s %s\n", c.name, "-", "-", "-", c.target, "not run");
            continue;
        }
        const double speedup = g / t;
        const char* result = "-";
        if (c.min_speedup > 0) {
            ++targets;
            const bool ok = speedup >= c.min_speedup;
            met += ok;
            result = ok ? "met" : "MISSED";
        }
        std::printf("%-10s %12.2f %12.2f %8.2fx  %-29s %s\n", c.name, t, g, speedup, c.target, result);
    }
    if (targets != 0)
        std::printf("\nTargets met: %d of %d\n", met, targets);
}

} // namespace

int main(int argc, char** argv)
{
    // Defaults first, so that the user's flags, parsed later, win.
    std::vector<char*> args{argv[0]};
    char repetitions[] = "--benchmark_repetitions=10";
    char min_time[] = "--benchmark_min_time=0.1";
    char interleaving[] = "--benchmark_enable_random_interleaving=true";
    char aggregates_only[] = "--benchmark_display_aggregates_only=true";
    args.insert(args.end(), {repetitions, min_time, interleaving, aggregates_only});
    args.insert(args.end(), argv + 1, argv + argc);
    int args_count = int(args.size());
    args.push_back(nullptr);
    benchmark::Initialize(&args_count, args.data());
    if (benchmark::ReportUnrecognizedArguments(args_count, args.data()))
        return 1;

    const inputs in = make_inputs(); // exits if tsock and glibc disagree

    using bench_function = void (*)(benchmark::State&, const inputs&);
    const std::pair<const char*, bench_function> benchmarks[] = {
        {"parse_v4/tsock", parse_v4_tsock},   {"parse_v4/glibc", parse_v4_glibc},
        {"parse_v6/tsock", parse_v6_tsock},   {"parse_v6/glibc", parse_v6_glibc},
        {"format_v4/tsock", format_v4_tsock}, {"format_v4/glibc", format_v4_glibc},
        {"format_v6/tsock", format_v6_tsock}, {"format_v6/glibc", format_v6_glibc},
        {"inet_aton/tsock", aton_tsock},      {"inet_aton/glibc", aton_glibc},
    };
    for (const auto& [name, function] : benchmarks)
        benchmark::RegisterBenchmark(name, function, std::cref(in))->Unit(benchmark::kMicrosecond);

    median_reporter reporter(isatty(STDOUT_FILENO) ? benchmark::ConsoleReporter::OO_ColorTabular
                                                   : benchmark::ConsoleReporter::OO_Tabular);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    print_summary(reporter);
    return 0;
}
