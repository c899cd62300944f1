# A port checker (the tutorial's item 5).
tsock_tutorial(ports port_check)
