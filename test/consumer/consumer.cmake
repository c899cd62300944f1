# What each consumer project builds once it has tsock::tsock: main.cpp, and
# an install rule of its own (so that installing the consumer shows whether
# tsock's files came along). With find_package the package's version is
# known here, and main.cpp checks TSOCK_VERSION against it.
add_executable(consumer ${CMAKE_CURRENT_LIST_DIR}/main.cpp)
target_link_libraries(consumer PRIVATE tsock::tsock)
if(DEFINED tsock_VERSION_MAJOR)
    math(EXPR expected_version "${tsock_VERSION_MAJOR} * 100000 + ${tsock_VERSION_MINOR} * 100 + ${tsock_VERSION_PATCH}")
    target_compile_definitions(consumer PRIVATE EXPECTED_TSOCK_VERSION=${expected_version})
endif()
install(TARGETS consumer)
