#!/usr/bin/env python3
"""A TCP relay that can fall silent: connections stay open and nothing is forwarded either way, as
after a database failover or a dropped route. Used by bench/run-outage.sh (docs/benchmarks.md, "A
database that falls silent under load").

    bench/silent-relay.py 6433 127.0.0.1 5432 &     # listen on 6433, forward to 5432
    kill -USR1 <pid>                                # fall silent
    kill -USR2 <pid>                                # answer again: connections from before are dropped

Not a general-purpose proxy: no limits, loopback only.
"""
import asyncio
import signal
import sys

silent = False
connections = set()


async def pump(reader, writer):
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            if silent:
                continue  # swallowed: the other side hears nothing
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        writer.close()


async def handle(client_reader, client_writer, host, port):
    while silent:
        await asyncio.sleep(0.05)  # a new connection is held, as a silent host holds a handshake
    try:
        server_reader, server_writer = await asyncio.open_connection(host, port)
    except OSError:
        client_writer.close()
        return
    pair = (client_writer, server_writer)
    connections.add(pair)
    try:
        await asyncio.gather(pump(client_reader, server_writer), pump(server_reader, client_writer))
    finally:
        connections.discard(pair)


def fall_silent():
    global silent
    silent = True


def answer_again():
    global silent
    silent = False
    for pair in list(connections):
        for writer in pair:
            writer.close()
    connections.clear()


async def main():
    listen_port, host, port = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGUSR1, fall_silent)
    loop.add_signal_handler(signal.SIGUSR2, answer_again)
    server = await asyncio.start_server(lambda r, w: handle(r, w, host, port), "127.0.0.1", listen_port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
