# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# Builds and runs test/consumer/<KIND> as a separate project.
#  KIND=find_package      installs tsock (from BINARY_DIR) into a private
#                         prefix and consumes it with find_package(tsock)
#  KIND=add_subdirectory  consumes the source tree with add_subdirectory

function(run)
    execute_process(COMMAND ${ARGV} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT status EQUAL 0)
        string(REPLACE ";" " " command "${ARGV}")
        message(FATAL_ERROR "failed (${status}): ${command}\n${out}")
    endif()
    message(STATUS "${out}")
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(configure ${CMAKE_COMMAND} -S ${SOURCE_DIR}/test/consumer/${KIND} -B ${WORK_DIR}/build -G ${GENERATOR}
    -DCMAKE_CXX_COMPILER=${CXX})
if(KIND STREQUAL "find_package")
    run(${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${WORK_DIR}/prefix)
    run(${configure} -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
else()
    run(${configure} -DTSOCK_SOURCE_DIR=${SOURCE_DIR})
endif()
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run(${WORK_DIR}/build/consumer)
