// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial programs' command lines, as argparse gives the Python ones:
//
//   int main(int argc, char** argv)
//   {
//       example::cli args(argc, argv, "usage: tcp_echo_client HOST PORT MESSAGE\n");
//       const auto port = args.option("--port", 5000);  // --port N, checked
//       const auto host = args.positional("HOST");       // required, in order
//       return args.run([&] { ...; return 0; });
//   }
//
// --help or -h prints the usage to stdout and exits 0; a missing or unknown
// argument prints it to stderr and exits 2; run() prints an exception as
// "PROGRAM: what" to stderr and returns 1.

#ifndef TSOCK_EXAMPLE_CLI_HPP
#define TSOCK_EXAMPLE_CLI_HPP

#include <tsock/inet_endpoint.hpp>

#include <charconv>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace example {

class cli {
public:
    cli(int argc, char** argv, std::string_view usage) : usage_(usage)
    {
        const std::string_view path = argc > 0 ? argv[0] : "example";
        program_ = path.substr(path.find_last_of('/') + 1);
        for (int i = 1; i < argc; ++i) {
            const std::string_view a = argv[i];
            if (a == "--help" || a == "-h") {
                std::cout << usage_;
                std::exit(0);
            }
            args_.emplace_back(a);
        }
    }

    // --name VALUE, or fallback when absent.
    std::string option(std::string_view name, std::string_view fallback)
    {
        for (auto it = args_.begin(); it != args_.end(); ++it) {
            if (*it != name)
                continue;
            if (it + 1 == args_.end())
                refuse(std::string(name) + " needs a value");
            std::string value = *(it + 1);
            args_.erase(it, it + 2);
            return value;
        }
        return std::string(fallback);
    }

    // --name N (a decimal integer), or fallback when absent.
    int option(std::string_view name, int fallback)
    {
        const auto text = option(name, std::string_view{});
        return text.empty() ? fallback : number(text, name);
    }

    // --name, present or not.
    bool flag(std::string_view name)
    {
        for (auto it = args_.begin(); it != args_.end(); ++it)
            if (*it == name) {
                args_.erase(it);
                return true;
            }
        return false;
    }

    // The next argument that is not an option (call after the options).
    std::string positional(std::string_view what)
    {
        check_no_options();
        if (args_.empty())
            refuse(std::string(what) + " is missing");
        std::string value = args_.front();
        args_.erase(args_.begin());
        return value;
    }

    // The next one as a port number (0 to 65535).
    tsock::port_number port(std::string_view what)
    {
        return tsock::port_number::checked(number(positional(what), what));
    }

    // The rest, at least one, joined by spaces (" ".join(sys.argv[n:])).
    std::string rest(std::string_view what)
    {
        check_no_options();
        if (args_.empty())
            refuse(std::string(what) + " is missing");
        std::string joined;
        for (const auto& a : args_)
            joined += (joined.empty() ? "" : " ") + a;
        args_.clear();
        return joined;
    }

    // Runs the program once every argument has been taken.
    template <class Body>
    int run(Body&& body)
    {
        if (!args_.empty())
            refuse("unexpected argument " + args_.front());
        try {
            return body();
        } catch (const std::exception& e) {
            std::cerr << program_ << ": " << e.what() << '\n';
            return 1;
        }
    }

    [[noreturn]] void refuse(const std::string& why) const
    {
        std::cerr << program_ << ": " << why << '\n' << usage_;
        std::exit(2);
    }

private:
    int number(std::string_view text, std::string_view what) const
    {
        int value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc{} || end != text.data() + text.size())
            refuse(std::string(what) + ": not a number: " + std::string(text));
        return value;
    }

    void check_no_options() const
    {
        for (const auto& a : args_)
            if (a.size() > 1 && a[0] == '-')
                refuse("unknown option " + a);
    }

    std::string_view usage_;
    std::string program_;
    std::vector<std::string> args_;
};

// "127.0.0.1" or "::1" and a port: the endpoint a server binds.
inline tsock::inet_endpoint endpoint(std::string_view address, int port)
{
    const auto p = tsock::port_number::checked(port);
    if (const auto v4 = tsock::address_v4::try_parse(address))
        return tsock::ipv4_endpoint{*v4, p};
    return tsock::ipv6_endpoint{tsock::address_v6::parse(address), p};
}

} // namespace example

#endif // TSOCK_EXAMPLE_CLI_HPP
