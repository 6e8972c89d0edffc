/*
 * A TCP relay that holds every chunk it forwards for a fixed time, in each direction: a database on
 * loopback then answers as one on another host would, one network delay per message each way. Used for
 * docs/benchmarks.md, "Round trips to PostgreSQL", because this machine's kernel has no netem.
 *
 *   cc -O2 -pthread -o /tmp/delay-proxy bench/delay-proxy.c
 *   /tmp/delay-proxy 6432 127.0.0.1 5432 250     # listen on 6432, forward to 5432, 250 µs each way
 *
 * Two threads per connection, one per direction: read what has arrived, wait, write it on. Messages a
 * client sends together (one write) are held once, as a network would carry them in one flight. Not a
 * general-purpose proxy: no limits, no clean-up beyond closing both ends when either closes.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static long delay_ns;
static struct sockaddr_in upstream;

struct pipe_ends { int from, to; };

static void hold(void) {
    struct timespec wait = {delay_ns / 1000000000L, delay_ns % 1000000000L};
    while (nanosleep(&wait, &wait) != 0) {}
}

static void *relay(void *arg) {
    struct pipe_ends ends = *(struct pipe_ends *) arg;
    free(arg);
    char buffer[65536];
    ssize_t n;
    while ((n = read(ends.from, buffer, sizeof buffer)) > 0) {
        hold();
        for (ssize_t sent = 0; sent < n;) {
            ssize_t w = write(ends.to, buffer + sent, (size_t) (n - sent));
            if (w <= 0) goto done;
            sent += w;
        }
    }
done:
    shutdown(ends.from, SHUT_RDWR);
    shutdown(ends.to, SHUT_RDWR);
    return NULL;
}

static void start(int from, int to) {
    struct pipe_ends *ends = malloc(sizeof *ends);
    ends->from = from;
    ends->to = to;
    pthread_t thread;
    pthread_create(&thread, NULL, relay, ends);
    pthread_detach(thread);
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s listen-port upstream-host upstream-port delay-microseconds-each-way\n", argv[0]);
        return 2;
    }
    delay_ns = atol(argv[4]) * 1000L;
    upstream.sin_family = AF_INET;
    upstream.sin_port = htons((uint16_t) atoi(argv[3]));
    inet_pton(AF_INET, argv[2], &upstream.sin_addr);

    int listener = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in local = {.sin_family = AF_INET, .sin_port = htons((uint16_t) atoi(argv[1])), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(listener, (struct sockaddr *) &local, sizeof local) != 0 || listen(listener, 128) != 0) {
        perror("listen");
        return 1;
    }
    for (;;) {
        int client = accept(listener, NULL, NULL);
        if (client < 0) continue;
        int server = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(server, (struct sockaddr *) &upstream, sizeof upstream) != 0) {
            close(client);
            close(server);
            continue;
        }
        setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        setsockopt(server, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        start(client, server);
        start(server, client);
    }
}
