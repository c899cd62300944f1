# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's catalogue (twin of example/host_info.cpp, but for its
# --interfaces: the socket module has no getifaddrs). No HOST: this host's
# names, addresses and interfaces; HOST [SERVICE]: how they resolve.
import argparse
import socket

parser = argparse.ArgumentParser(prog="host_info")
parser.add_argument("--udp", action="store_true")
parser.add_argument("host", nargs="?")
parser.add_argument("service", nargs="?", default="http")
args = parser.parse_args()

if args.host is None:
    name = socket.gethostname()
    print(f"host name:  {name}\nFQDN:       {socket.getfqdn()}")
    try:
        print("addresses: ", *socket.gethostbyname_ex(name)[2])
    except OSError as e:
        print("addresses: ", e.strerror)
    print("IPv6:       " + ("yes" if socket.has_ipv6 else "no")
          + (", dual stack" if socket.has_dualstack_ipv6() else ""))
    print("interfaces:")
    for index, nic in socket.if_nameindex():
        print(f"  {index} {nic}")
else:
    host, service = args.host, args.service
    kind, name_flags = (socket.SOCK_DGRAM, socket.NI_DGRAM) if args.udp else (socket.SOCK_STREAM, 0)
    found = socket.getaddrinfo(host, service, type=kind, flags=socket.AI_CANONNAME)
    print(f'resolve("{host}", "{service}"): {len(found)} address' + ("" if len(found) == 1 else "es")
          + (f", canonical name {found[0][3]}" if found and found[0][3] else ""))
    for family, _, _, _, address in found:
        where = f"[{address[0]}]:{address[1]}" if family == socket.AF_INET6 else f"{address[0]}:{address[1]}"
        try:
            print(f"  {where}  is", *socket.getnameinfo(address, name_flags))
        except socket.gaierror as e:
            print(f"  {where}  (getnameinfo: {e.strerror})")
    # The services database: by number for a port, else by name and back.
    for protocol in ("tcp", "udp"):
        try:
            if service.isdigit():
                print(f"port {service}/{protocol} is {socket.getservbyport(int(service), protocol)}")
            else:
                port = socket.getservbyname(service, protocol)
                print(f"service {service}: port {port}/{protocol}; port {port} is"
                      f" {socket.getservbyport(port, protocol)}")
        except OSError:
            print(f"service {service}/{protocol}: service not found")
    for protocol in ("tcp", "udp"):
        print(f"protocol {protocol}: number {socket.getprotobyname(protocol)}")
