/*
 * What one system call costs on this machine, next to the page-sized file I/O SQLite does.
 * The evaluate benchmark's ceiling depends on it: every request reads and writes a socket, and
 * every commit writes WAL frames (two pwrite calls each) that the checkpointer reads and writes
 * again. Build and run:  cc -O2 -o /tmp/syscall-cost bench/syscall-cost.c && /tmp/syscall-cost
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void report(const char *what, double started, int calls) {
    printf("%-28s %6.2f us per call\n", what, (seconds() - started) / calls * 1e6);
}

int main(void) {
    enum { CALLS = 200000, PAGES = 4096 };
    char page[4096] = {1};
    char path[] = "/tmp/syscall-cost.XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) {
        perror("mkstemp");
        return 1;
    }
    unlink(path);

    double started = seconds();
    for (int i = 0; i < CALLS; i++) syscall(SYS_getppid);
    report("getppid (a bare call)", started, CALLS);

    started = seconds();
    for (int i = 0; i < CALLS; i++) pwrite(fd, page, sizeof page, (off_t) (i % PAGES) * sizeof page);
    report("pwrite 4 KiB (a WAL page)", started, CALLS);

    started = seconds();
    for (int i = 0; i < CALLS; i++) pwrite(fd, page, 24, (off_t) (i % PAGES) * sizeof page);
    report("pwrite 24 B (a frame header)", started, CALLS);

    started = seconds();
    for (int i = 0; i < CALLS; i++) pread(fd, page, sizeof page, (off_t) (i % PAGES) * sizeof page);
    report("pread 4 KiB (cached page)", started, CALLS);
    close(fd);
    return 0;
}
