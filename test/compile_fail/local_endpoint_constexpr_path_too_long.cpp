// expect: local_path_does_not_fit_sun_path
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/local_endpoint.hpp>

#include <string_view>

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    constexpr auto e = tsock::local_endpoint::path("/run/tsock/control.sock");
#else
    // 123 bytes: no sun_path holds them (108 on Linux, 104 on BSD and macOS).
    constexpr auto e = tsock::local_endpoint::path(std::string_view(
        "/run/tsock/a-directory-name-long-enough-to-overflow-sun_path/and-then-some-more-of-it/until-it-is-128-bytes-in-all/ctl.sock"));
#endif
    return e.name().empty() ? 1 : 0;
}
