# The catalogue (the tutorial's item 8): host_info against its Python twin,
# test/peers/host_info.py. host_info itself is built, and its help, lookup
# and bad-name tests added, by example/CMakeLists.txt.
if(TSOCK_PYTHON3)
    add_test(NAME tutorial.catalogue
        COMMAND ${TSOCK_PYTHON3} ${PROJECT_SOURCE_DIR}/test/peers/check_catalogue.py $<TARGET_FILE_DIR:host_info>)
    set_tests_properties(tutorial.catalogue PROPERTIES LABELS "example;tutorial" TIMEOUT 120
        PASS_REGULAR_EXPRESSION "catalogue: PASS" FAIL_REGULAR_EXPRESSION "FAIL")
endif()
# Without arguments host_info lists the interfaces as if_nameindex does (its
# twin can); --interfaces adds their flags and addresses (getifaddrs).
set_tests_properties(example.host_info PROPERTIES PASS_REGULAR_EXPRESSION
    "^host name:  [^\n]+\nFQDN:       [^\n]+\naddresses: [^\n]*\nIPv6:       [^\n]+\ninterfaces:\n(  [0-9]+ [^\n]+\n)*  [0-9]+ lo\n")
add_test(NAME example.host_info.interfaces COMMAND host_info --interfaces)
set_tests_properties(example.host_info.interfaces PROPERTIES LABELS example PASS_REGULAR_EXPRESSION
    "interfaces:\n.* +[0-9]+ lo: up[^\n]* loopback\n[^\n]*inet  127\\.0\\.0\\.1 netmask 255\\.0\\.0\\.0")
