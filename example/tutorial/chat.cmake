# The half-duplex TCP and UDP chats (the tutorial's item 1).
tsock_tutorial(chat tcp_chat_server tcp_chat_client udp_chat_server udp_chat_client)
