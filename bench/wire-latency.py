#!/usr/bin/env python3
"""Server latency as seen on the wire, from a loopback capture of a keep-alive HTTP load.

A second instrument beside wrk's own percentiles (docs/benchmarks.md, "Latency on the wire"): for each
connection, the time from a request's last segment reaching the server's port to the first segment of
the answer leaving it. It includes the kernel's loopback path, Jetty and the handler, and nothing of
the load generator's own scheduling.

    tcpdump -i lo -s 96 -w /tmp/cap.pcap "tcp port $PORT"      # during the run, then Ctrl-C
    python3 bench/wire-latency.py /tmp/cap.pcap $PORT [--min-request-bytes 500]

Only requests of at least --min-request-bytes of TCP payload are paired (500 keeps POST /v3/evaluate
and leaves out GET /healthz). Reads classic pcap files (microsecond or nanosecond), Ethernet or Linux
"cooked" link types, IPv4 and IPv6.
"""
import argparse
import struct
import sys


def packets(path):
    with open(path, "rb") as capture:
        header = capture.read(24)
        magic = struct.unpack("<I", header[:4])[0]
        if magic not in (0xA1B2C3D4, 0xA1B23C4D):
            sys.exit(f"{path}: not a little-endian classic pcap file (pcapng is not read; tcpdump -w writes pcap)")
        scale = 1e9 if magic == 0xA1B23C4D else 1e6
        link = struct.unpack("<I", header[20:24])[0]
        offset = {1: 14, 113: 16, 276: 20}.get(link)
        if offset is None:
            sys.exit(f"{path}: link type {link} is not read")
        while True:
            record = capture.read(16)
            if len(record) < 16:
                return
            seconds, fraction, included, _ = struct.unpack("<IIII", record)
            frame = capture.read(included)
            ip = frame[offset:]
            if ip[0] >> 4 == 4:
                header_length = (ip[0] & 15) * 4
                ip_payload = struct.unpack(">H", ip[2:4])[0] - header_length
            else:
                header_length = 40
                ip_payload = struct.unpack(">H", ip[4:6])[0]
            tcp = ip[header_length:]
            source, destination = struct.unpack(">HH", tcp[:4])
            payload = ip_payload - (tcp[12] >> 4) * 4
            yield seconds + fraction / scale, source, destination, payload


def percentile(ordered, q):
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("capture")
    parser.add_argument("port", type=int)
    parser.add_argument("--min-request-bytes", type=int, default=500)
    args = parser.parse_args()

    waiting = {}  # client port -> when its request's last segment arrived
    latencies = []
    first = last = None
    for at, source, destination, payload in packets(args.capture):
        if payload <= 0:
            continue
        if destination == args.port:
            if payload >= args.min_request_bytes:
                waiting[source] = at
            else:
                waiting.pop(source, None)
        elif source == args.port and destination in waiting:
            started = waiting.pop(destination)
            latencies.append(at - started)
            first = started if first is None else first
            last = at
    if not latencies:
        sys.exit("no request and answer pairs found: check the port and --min-request-bytes")
    latencies.sort()
    span = last - first
    print(f"pairs {len(latencies)} over {span:.1f} s = {len(latencies) / span:.1f}/s")
    print("latency ms  " + "  ".join(f"p{label} {percentile(latencies, q) * 1000:.2f}"
                                      for label, q in (("50", 0.5), ("90", 0.9), ("99", 0.99), ("99.9", 0.999)))
          + f"  max {latencies[-1] * 1000:.2f}  mean {sum(latencies) / len(latencies) * 1000:.2f}")


if __name__ == "__main__":
    main()
