# A full-duplex chat for two on one thread, with the poller (the tutorial's item 7).
tsock_tutorial(duplex duplex_chat)
