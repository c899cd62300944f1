# The threaded TCP server and its client, the UDP hello server and its client (the tutorial's item 2).
tsock_tutorial(threaded threaded_server threaded_client udp_hello_server udp_hello_client)
