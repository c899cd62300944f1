# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# cmake -DSOURCE_DIR=<repo> -P check_test_lists.cmake
# Fails when test/CMakeLists.txt and test/Jamfile list different tests, when
# a public header has no test, a compile_fail/*.cpp is in neither list, or
# either file does not run compile_fail/diagnostics.sh.
# The lists: unit tests, compile-fail cases, no-exceptions programs.

cmake_policy(VERSION 3.21)

function(read_list file pattern out)
    file(READ ${file} text)
    string(REGEX MATCH "${pattern}" block "${text}")
    if(NOT block)
        message(FATAL_ERROR "${file}: no list matching ${pattern}")
    endif()
    string(REGEX REPLACE "${pattern}" "\\1" block "${block}")
    string(REGEX REPLACE "#[^\n]*" "" block "${block}")
    string(REGEX REPLACE "[ \t\r\n]+" ";" block "${block}")
    list(REMOVE_ITEM block "")
    list(SORT block)
    set(${out} ${block} PARENT_SCOPE)
endfunction()

set(test_dir ${SOURCE_DIR}/test)
read_list(${test_dir}/CMakeLists.txt "set\\(TSOCK_TESTS([^)]*)\\)" cmake_tests)
read_list(${test_dir}/Jamfile "local tests =([^;]*);" jam_tests)
read_list(${test_dir}/CMakeLists.txt "set\\(TSOCK_COMPILE_FAIL([^)]*)\\)" cmake_cf)
read_list(${test_dir}/Jamfile "local compile_fail =([^;]*);" jam_cf)
read_list(${test_dir}/CMakeLists.txt "set\\(TSOCK_NO_EXCEPTIONS_TESTS([^)]*)\\)" cmake_noex)
read_list(${test_dir}/Jamfile "local no_exceptions_tests =([^;]*);" jam_noex)

set(failed FALSE)
macro(compare what a b)
    if(NOT "${${a}}" STREQUAL "${${b}}")
        message(SEND_ERROR "${what} differ:\n  CMake: ${${a}}\n  b2:    ${${b}}")
        set(failed TRUE)
    endif()
endmacro()
compare("unit test lists" cmake_tests jam_tests)
compare("compile-fail lists" cmake_cf jam_cf)
compare("no-exceptions lists" cmake_noex jam_noex)

# Every public header has its test program (tsock.hpp -> tsock.cpp).
file(GLOB headers RELATIVE ${SOURCE_DIR}/include/tsock ${SOURCE_DIR}/include/tsock/*.hpp)
list(APPEND headers tsock.hpp)
foreach(header IN LISTS headers)
    string(REGEX REPLACE "\\.hpp$" "" name ${header})
    if(NOT name IN_LIST cmake_tests OR NOT EXISTS ${test_dir}/${name}.cpp)
        message(SEND_ERROR "public header ${header} has no test/${name}.cpp in the test lists")
        set(failed TRUE)
    endif()
endforeach()

# Every compile-fail case on disk is listed.
file(GLOB cases RELATIVE ${test_dir}/compile_fail ${test_dir}/compile_fail/*.cpp)
foreach(case IN LISTS cases)
    string(REGEX REPLACE "\\.cpp$" "" name ${case})
    if(NOT name IN_LIST cmake_cf)
        message(SEND_ERROR "test/compile_fail/${case} is not in the compile-fail lists")
        set(failed TRUE)
    endif()
endforeach()

# Both run the measurement of the compile-fail diagnostics.
foreach(file IN ITEMS CMakeLists.txt Jamfile)
    file(READ ${test_dir}/${file} text)
    if(NOT text MATCHES "compile_fail/diagnostics\\.sh")
        message(SEND_ERROR "test/${file} does not run compile_fail/diagnostics.sh")
        set(failed TRUE)
    endif()
endforeach()

if(failed)
    message(FATAL_ERROR "test lists are inconsistent")
endif()
list(LENGTH cmake_tests n_tests)
list(LENGTH cmake_cf n_cf)
list(LENGTH cmake_noex n_noex)
message(STATUS "test lists agree: ${n_tests} unit tests, ${n_cf} compile-fail cases, ${n_noex} no-exceptions programs")
