# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
"""The catalogue (host_info) against its Python twin, line by line:
  python3 check_catalogue.py EXAMPLE_BINARY_DIR [CASE...]
Both are run with the same arguments; stdout must be the same bytes and the
exit status the same, and the values are checked against Python's socket
module directly. Only /etc/hosts and /etc/services answer: a lookup of a
name /etc/hosts does not hold (it would ask DNS) is skipped with a note.

By design, the two differ in three places, and the check holds each to what
it documents: tsock's has_ipv6() says whether an AF_INET6 socket opens now,
Python's has_ipv6 whether Python was built with IPv6 (the IPv6 line may
differ on a host booted without IPv6); host_info --interfaces (getifaddrs)
has no twin; tsock refuses a port over 65535 that glibc would wrap (see
port_out_of_range). tsock's fqdn() is Python's getfqdn step by step (the
name's first address, its host entry, the first name with a dot), so the
FQDN line must be equal, and equal to socket.getfqdn()."""
import socket
import sys

from peerlib import Run, check

LONG_LABEL = "a" * 64 + ".test"


def hosts_names():
    """The names /etc/hosts gives addresses to."""
    names = set()
    try:
        with open("/etc/hosts") as f:
            for line in f:
                names.update(line.split("#", 1)[0].split()[1:])
    except OSError:
        pass
    return names


def run_side(run, side, args):
    p = run.start("host_info", side, *args, stdin=False)
    out = p.read_all()
    return out, p.wait(None), p.stderr().decode(errors="replace")


def ipv6_opens():
    try:
        socket.socket(socket.AF_INET6, socket.SOCK_STREAM).close()
        return True
    except OSError:
        return False


def same(run, args, status=0):
    """Runs both sides; checks status and stdout, line by line; returns
    (stdout lines, tsock's stderr, Python's stderr)."""
    ours, our_status, our_err = run_side(run, "tsock", args)
    theirs, their_status, their_err = run_side(run, "python", args)
    check(our_status == status and their_status == status,
          f"host_info {args}: exit status {our_status} (tsock), {their_status} (Python), expected {status};"
          f" stderr {our_err!r} / {their_err!r}")
    a, b = ours.decode().split("\n"), theirs.decode().split("\n")
    check(len(a) == len(b), f"host_info {args}: {len(a)} lines (tsock) against {len(b)}:\n{ours!r}\n{theirs!r}")
    for x, y in zip(a, b):
        if x != y and x.startswith("IPv6:"):
            # The one difference by design: see the docstring.
            check(x.startswith("IPv6:       no") and y.startswith("IPv6:       yes") and not ipv6_opens(),
                  f"IPv6 line: {x!r} (tsock) against {y!r}")
            continue
        check(x == y, f"host_info {args}: tsock says {x!r}, Python {y!r}")
    return a, our_err, their_err


def this_host(run):
    lines, _, _ = same(run, [])
    name = socket.gethostname()
    check(lines[0] == f"host name:  {name}", f"not gethostname() {name!r}: {lines[0]!r}")
    check(lines[1] == f"FQDN:       {socket.getfqdn()}", f"not getfqdn(): {lines[1]!r}")
    check(lines[2] == "addresses:  " + " ".join(socket.gethostbyname_ex(name)[2]),
          f"not gethostbyname_ex(): {lines[2]!r}")
    nics = [f"  {i} {n}" for i, n in socket.if_nameindex()]
    at = lines.index("interfaces:")
    check(lines[at + 1:] == nics + [""], f"interfaces {lines[at + 1:]} are not if_nameindex() {nics}")


def interfaces(run):
    """tsock only: each if_nameindex() pair with its flags, lo with 127.0.0.1;
    the Python twin refuses the option (argparse: status 2)."""
    out, status, err = run_side(run, "tsock", ["--interfaces"])
    check(status == 0, f"host_info --interfaces: status {status}, stderr {err!r}")
    text = out.decode()
    check(text.startswith(f"host name:  {socket.gethostname()}\n"), f"no host name line: {text!r}")
    listed = {tuple(line.split(":")[0].split()) for line in text.split("\n") if line[:3].strip().isdigit()}
    wanted = {(str(i), n) for i, n in socket.if_nameindex()}
    check(listed == wanted, f"interfaces {sorted(listed)} are not if_nameindex() {sorted(wanted)}")
    lo = text.split(" lo:", 1)[-1]
    check(" loopback" in lo.split("\n")[0] and "inet  127.0.0.1 netmask 255.0.0.0" in lo,
          f"lo is not a loopback interface with 127.0.0.1: {lo!r}")
    _, status, _ = run_side(run, "python", ["--interfaces"])
    check(status == 2, f"host_info.py --interfaces: status {status}, expected 2")


def lookup(run, *args):
    lines, _, _ = same(run, list(args))
    udp = args[0] == "--udp"
    host, service = args[-2:]
    kind = socket.SOCK_DGRAM if udp else socket.SOCK_STREAM
    found = socket.getaddrinfo(host, service, type=kind)
    check(lines[0].startswith(f'resolve("{host}", "{service}"): {len(found)} address'), f"first line {lines[0]!r}")
    for i, (family, _, _, _, address) in enumerate(found):
        text = f"[{address[0]}]:{address[1]}" if family == socket.AF_INET6 else f"{address[0]}:{address[1]}"
        check(lines[1 + i].startswith(f"  {text}  "), f"address {text} missing: {lines[1 + i]!r}")
    for protocol in ("tcp", "udp"):
        try:
            if service.isdigit():
                want = f"port {service}/{protocol} is {socket.getservbyport(int(service), protocol)}"
            else:
                port = socket.getservbyname(service, protocol)
                want = f"port {port}/{protocol}; port {port} is {socket.getservbyport(port, protocol)}"
        except OSError:
            want = f"service {service}/{protocol}: service not found"
        check(any(want in line for line in lines), f"no {want!r} in {lines}")


def unknown_service(run):
    """Both fail at getaddrinfo: status 1, nothing on stdout, its message."""
    try:
        socket.getaddrinfo("localhost", "no-such-service", type=socket.SOCK_STREAM)
        check(False, "no-such-service is a service here")
    except socket.gaierror as e:
        why = e.strerror
    lines, ours, theirs = same(run, ["localhost", "no-such-service"], 1)
    check(lines == [""], f"stdout before the error: {lines}")
    check(why in ours and why in theirs, f"{why!r} not in both stderr: {ours!r} / {theirs!r}")
    check(ours.startswith('host_info: tsock: resolve "localhost" "no-such-service": '), f"tsock said {ours!r}")


def bad_name(run):
    """A label over 63 characters: both refuse it before any lookup."""
    lines, ours, theirs = same(run, [LONG_LABEL], 1)
    check(lines == [""], f"stdout before the error: {lines}")
    check("a label of the host name is longer than 63 characters" in ours, f"tsock said {ours!r}")
    check("label empty or too long" in theirs, f"Python said {theirs!r}")  # the idna codec's words


def port_out_of_range(run):
    """Port 99999: tsock refuses it before the lookup; glibc's getaddrinfo
    takes it modulo 65536 (so Python prints 127.0.0.1:34463), and Python
    fails later, at getservbyport. A difference by design: both end with
    status 1, only tsock's stdout is empty."""
    out, status, err = run_side(run, "tsock", ["localhost", "99999"])
    check((out, status) == (b"", 1), f"tsock: status {status}, stdout {out!r}")
    check(err == 'host_info: tsock: resolve "localhost" "99999": port number is not in 0 to 65535\n', f"tsock: {err!r}")
    out, status, err = run_side(run, "python", ["localhost", "99999"])
    check(status == 1 and f":{99999 % 65536}  is ".encode() in out and "OverflowError" in err,
          f"Python: status {status}, stdout {out!r}, stderr {err[-200:]!r}")


def bad_arguments(run):
    for args in (["-x"], ["localhost", "http", "extra"]):
        same(run, args, 2)


run = Run("catalogue", sys.argv)
known = hosts_names()
me = socket.gethostname()
if me in known:
    run.case("this host", this_host)
    run.case("this host, --interfaces", interfaces)
else:
    print(f"catalogue: note: {me!r} is not in /etc/hosts: this host's cases skipped (no DNS)", flush=True)
if "localhost" not in known:
    run.fail("localhost is not in /etc/hosts")
for args in (["localhost", "ssh"], ["localhost", "http"], ["localhost", "https"], ["localhost", "domain"],
             ["--udp", "localhost", "ntp"], ["--udp", "localhost", "domain"], ["localhost", "22"],
             ["--udp", "localhost", "123"], ["localhost", "5999"]):
    run.case("lookup " + " ".join(args), lookup, *args)
if me in known:
    run.case(f"lookup {me} http", lookup, me, "http")
run.case("unknown service", unknown_service)
run.case("host name with a long label", bad_name)
run.case("port out of range", port_out_of_range)
run.case("bad arguments", bad_arguments)
run.passed()
