/*
 * How long a SQLite commit's flush takes on this disk: writes 19 log frames the way SQLite writes them
 * (a 24-byte frame header, then a 4 KiB page: about one group commit at 4 connections), then fsync or
 * fdatasync, 500 times, and prints the flush's percentiles. Run it on an idle machine and again beside
 * other load to see what the load does to the flush (docs/benchmarks.md, "Where the target stands").
 *
 *   cc -O2 -o /tmp/fsync-cost bench/fsync-cost.c
 *   /tmp/fsync-cost fsync ./fsync-cost.bin        # or fdatasync; the file is made and removed
 *   /tmp/fsync-cost noise ./noise.bin &           # for 60 s, writes like the checkpoint thread: 1,000
 *                                                 # random pages of a 256 MiB file, fdatasync, every 50 ms
 *                                                 # (killed early, it leaves its file behind)
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { PAGE = 4096, HEADER = 24, FRAMES = 19, ROUNDS = 500, FILE_PAGES = 4096 };
enum { NOISE_FILE_PAGES = 65536, NOISE_PAGES = 1000, NOISE_PERIOD_MICROS = 50000, NOISE_PASSES = 1200 };

static double millis(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int ascending(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

/*
 * Makes a file of `pages` pages, written and synced, so that the writes measured later overwrite it and
 * never change its size (as with a reused SQLite log). Returns its descriptor, or -1.
 */
static int filled_file(const char *path, long pages, const char *page) {
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        perror(path);
        return -1;
    }
    for (long i = 0; i < pages; i++) {
        if (pwrite(fd, page, PAGE, i * PAGE) != PAGE) {
            perror("pwrite");
            close(fd);
            return -1;
        }
    }
    fsync(fd);
    return fd;
}

/* Random page writes and a data sync every 50 ms, about what the checkpoint thread does under load. */
static int noise(const char *path) {
    char page[PAGE];
    memset(page, 2, sizeof page);
    int fd = filled_file(path, NOISE_FILE_PAGES, page);
    if (fd < 0) {
        return 1;
    }
    for (int pass = 0; pass < NOISE_PASSES; pass++) {
        for (int i = 0; i < NOISE_PAGES; i++) {
            if (pwrite(fd, page, PAGE, (long) (rand() % NOISE_FILE_PAGES) * PAGE) != PAGE) {
                perror("pwrite");
                return 1;
            }
        }
        fdatasync(fd);
        usleep(NOISE_PERIOD_MICROS);
    }
    close(fd);
    unlink(path);
    return 0;
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "noise") == 0) {
        return noise(argv[2]);
    }
    if (argc != 3 || (strcmp(argv[1], "fsync") != 0 && strcmp(argv[1], "fdatasync") != 0)) {
        fprintf(stderr, "usage: %s fsync|fdatasync|noise FILE\n", argv[0]);
        return 2;
    }
    int data_only = strcmp(argv[1], "fdatasync") == 0;
    char page[PAGE];
    memset(page, 1, sizeof page);
    int fd = filled_file(argv[2], FILE_PAGES, page);
    if (fd < 0) {
        return 1;
    }
    double took[ROUNDS];
    long offset = 0, span = (FILE_PAGES - 2L) * PAGE;
    for (int round = 0; round < ROUNDS; round++) {
        for (int frame = 0; frame < FRAMES; frame++) {
            if (pwrite(fd, page, HEADER, offset) != HEADER || pwrite(fd, page, PAGE, offset + HEADER) != PAGE) {
                perror("pwrite");
                return 1;
            }
            offset = (offset + HEADER + PAGE) % span;
        }
        double start = millis();
        if ((data_only ? fdatasync(fd) : fsync(fd)) != 0) {
            perror(argv[1]);
            return 1;
        }
        took[round] = millis() - start;
    }
    close(fd);
    unlink(argv[2]);
    qsort(took, ROUNDS, sizeof took[0], ascending);
    printf("%s of %d frames: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f ms\n", argv[1], FRAMES,
            took[ROUNDS / 2], took[ROUNDS * 9 / 10], took[ROUNDS * 99 / 100], took[ROUNDS - 1]);
    return 0;
}
