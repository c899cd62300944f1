# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# Builds and runs test/consumer/<KIND> as a separate project.
#  KIND=find_package      installs tsock (from BINARY_DIR) into a private
#                         prefix and consumes it with find_package(tsock);
#                         the licence and tsock.pc are installed too
#  KIND=pkg_config        the same install, consumed by a plain compiler
#                         command with `pkg-config --cflags tsock`
#  KIND=add_subdirectory  consumes the source tree with add_subdirectory
#  KIND=fetch_content     consumes it with FetchContent
# The last two then install the consumer: its program goes in, and none of
# tsock's files (TSOCK_INSTALL is off when tsock is not the top level).

function(run)
    execute_process(COMMAND ${ARGV} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT status EQUAL 0)
        string(REPLACE ";" " " command "${ARGV}")
        message(FATAL_ERROR "failed (${status}): ${command}\n${out}")
    endif()
    message(STATUS "${out}")
    set(output "${out}" PARENT_SCOPE)
endfunction()

function(expect_file path)
    if(NOT EXISTS ${path})
        message(FATAL_ERROR "not installed: ${path}")
    endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
set(configure ${CMAKE_COMMAND} -S ${SOURCE_DIR}/test/consumer/${KIND} -B ${WORK_DIR}/build -G ${GENERATOR}
    -DCMAKE_CXX_COMPILER=${CXX})
if(KIND STREQUAL "find_package" OR KIND STREQUAL "pkg_config")
    run(${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix})
    expect_file(${prefix}/include/tsock.hpp)
    expect_file(${prefix}/share/doc/tsock/LICENSE_1_0.txt)
    expect_file(${prefix}/share/pkgconfig/tsock.pc)
endif()
if(KIND STREQUAL "pkg_config")
    find_program(PKG_CONFIG NAMES pkg-config pkgconf REQUIRED)
    set(ENV{PKG_CONFIG_PATH} ${prefix}/share/pkgconfig)
    run(${PKG_CONFIG} --cflags tsock)
    string(STRIP "${output}" cflags)
    if(NOT cflags STREQUAL "-I${prefix}/share/pkgconfig/../../include")
        message(FATAL_ERROR "pkg-config --cflags tsock: '${cflags}', not the installed include directory")
    endif()
    run(${PKG_CONFIG} --modversion tsock)
    string(STRIP "${output}" version)
    file(MAKE_DIRECTORY ${WORK_DIR}/build)
    # The program of the others, compiled by hand with only what pkg-config said.
    run(${CXX} -std=c++20 ${cflags} -DEXPECTED_TSOCK_VERSION_TEXT="${version}"
        ${SOURCE_DIR}/test/consumer/main.cpp -o ${WORK_DIR}/build/consumer)
    run(${WORK_DIR}/build/consumer)
    return()
endif()
if(KIND STREQUAL "find_package")
    run(${configure} -DCMAKE_PREFIX_PATH=${prefix})
else()
    run(${configure} -DTSOCK_SOURCE_DIR=${SOURCE_DIR})
endif()
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/consumer)
if(KIND STREQUAL "add_subdirectory" OR KIND STREQUAL "fetch_content")
    run(${CMAKE_COMMAND} --install ${WORK_DIR}/build --prefix ${WORK_DIR}/consumer-prefix)
    expect_file(${WORK_DIR}/consumer-prefix/bin/consumer)
    file(GLOB_RECURSE stray RELATIVE ${WORK_DIR}/consumer-prefix ${WORK_DIR}/consumer-prefix/*tsock*)
    if(stray)
        message(FATAL_ERROR "installing the consumer installed tsock's files too: ${stray}")
    endif()
endif()
