# TCP and UDP echo servers and clients (the tutorial's item 3).
tsock_tutorial(echo tcp_echo_server tcp_echo_client udp_echo_server udp_echo_client)
