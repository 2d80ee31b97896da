// SPDX-License-Identifier: GPL-2.0
/*
 * TCP request/response latency for scripts/bench: a ping-pong of small
 * fixed-size messages over one connection (TCP_NODELAY), one transaction
 * in flight at a time.
 *
 *   bench-pingpong -s [-p PORT]                      echo server
 *   bench-pingpong -c ADDR [-p PORT] [-t SECS] [-m BYTES]
 *
 * The client prints one line:
 *   transactions=N tps=T median_us=M p99_us=P
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_MSG 65536

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int xfer(int fd, char *buf, size_t len, int out)
{
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		if (out)
			n = write(fd, buf + done, len - done);
		else
			n = read(fd, buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		done += n;
	}
	return 0;
}

static void nodelay(int fd)
{
	int one = 1;

	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

static int serve(int port)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	static char buf[MAX_MSG];
	int one = 1, ls, fd;
	ssize_t n;

	sa.sin_port = htons(port);
	ls = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (ls < 0 || bind(ls, (struct sockaddr *)&sa, sizeof(sa)) ||
	    listen(ls, 4)) {
		perror("bench-pingpong: listen");
		return 1;
	}
	for (;;) {
		fd = accept(ls, NULL, NULL);
		if (fd < 0)
			continue;
		nodelay(fd);
		/* Echo whatever arrives: the client sends fixed-size messages. */
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			if (xfer(fd, buf, n, 1))
				break;
		close(fd);
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int client(const char *addr, int port, double secs, size_t size)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	static char buf[MAX_MSG];
	size_t n = 0, cap = 1 << 16;
	double *lat, t0, t1, start;
	int fd;

	sa.sin_port = htons(port);
	if (inet_pton(AF_INET, addr, &sa.sin_addr) != 1) {
		fprintf(stderr, "bench-pingpong: bad address %s\n", addr);
		return 1;
	}
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		perror("bench-pingpong: connect");
		return 1;
	}
	nodelay(fd);
	lat = malloc(cap * sizeof(*lat));
	if (!lat)
		return 1;
	memset(buf, 'x', size);
	start = now_s();
	do {
		t0 = now_s();
		if (xfer(fd, buf, size, 1) || xfer(fd, buf, size, 0)) {
			fprintf(stderr, "bench-pingpong: connection lost\n");
			return 1;
		}
		t1 = now_s();
		if (n == cap) {
			cap *= 2;
			lat = realloc(lat, cap * sizeof(*lat));
			if (!lat)
				return 1;
		}
		lat[n++] = (t1 - t0) * 1e6;
	} while (t1 - start < secs);
	close(fd);
	qsort(lat, n, sizeof(*lat), cmp_double);
	printf("transactions=%zu tps=%.1f median_us=%.1f p99_us=%.1f\n", n,
	       n / (t1 - start), lat[n / 2], lat[(n * 99) / 100]);
	free(lat);
	return 0;
}

int main(int argc, char **argv)
{
	const char *addr = NULL;
	int opt, port = 5201, server = 0;
	double secs = 5;
	size_t size = 64;

	while ((opt = getopt(argc, argv, "sc:p:t:m:")) != -1) {
		switch (opt) {
		case 's':
			server = 1;
			break;
		case 'c':
			addr = optarg;
			break;
		case 'p':
			port = atoi(optarg);
			break;
		case 't':
			secs = atof(optarg);
			break;
		case 'm':
			size = strtoul(optarg, NULL, 0);
			break;
		default:
			goto usage;
		}
	}
	if (size < 1 || size > MAX_MSG)
		goto usage;
	if (server)
		return serve(port);
	if (addr)
		return client(addr, port, secs, size);
usage:
	fprintf(stderr,
		"usage: %s -s [-p PORT] | -c ADDR [-p PORT] [-t SECS] [-m BYTES]\n",
		argv[0]);
	return 2;
}
