// A thin layer over glibc's stub resolver (libresolv) for the DomainDNS module: Swift cannot name
// `struct __res_state` fields behind macros or build `ns_msg`/`ns_rr` accessors (they are macros),
// so this file allocates the resolver state, sets the server and timing, sends one query with
// res_nquery and flattens the answer with ns_initparse/ns_parserr/ns_name_uncompress.
#ifndef CRESOLV_H
#define CRESOLV_H

#include <resolv.h>

/// Record types the lookups ask for (the values of `ns_t_*`).
enum {
    cresolv_type_a = 1, cresolv_type_cname = 5, cresolv_type_ptr = 12,
    cresolv_type_mx = 15, cresolv_type_txt = 16, cresolv_type_aaaa = 28
};

/// How one query ended.
typedef enum {
    /// The server answered NOERROR; `count` records (0: the name exists without such records).
    cresolv_answered = 0,
    /// The server said the name does not exist (NXDOMAIN).
    cresolv_nxdomain = 1,
    /// No reply within the timeout on every try.
    cresolv_timeout = 2,
    /// The server replied with a failure (SERVFAIL, REFUSED, ...), or refused the connection.
    cresolv_failed = 3
} cresolv_status;

/// One resource record of the answer section, flattened.
typedef struct {
    /// `ns_t_*`.
    int type;
    /// MX preference (0 for other types).
    int preference;
    /// The record's owner name, without the final dot.
    char owner[1025];
    /// The data: a name (MX, CNAME, PTR), an address (A, AAAA), or TXT text (strings joined, cut to fit).
    char data[2048];
} cresolv_record;

/// A resolver state initialised from the host's /etc/resolv.conf; NULL when out of memory.
res_state cresolv_open(void);
/// Closes and frees a state from `cresolv_open`.
void cresolv_close(res_state state);
/// Seconds to wait for a reply (`retrans`) and how many tries (`retry`).
void cresolv_set_timing(res_state state, int seconds, int tries);
/// Uses only the IPv4 server `address`:`port`; returns 0, or -1 when the address is not IPv4.
int cresolv_set_server(res_state state, const char *address, unsigned short port);
/// Sends one IN query for `name` of `type`; writes up to `capacity` answer records to `records`,
/// their number to `count`, the response code to `rcode` (-1 without a reply).
cresolv_status cresolv_query(res_state state, const char *name, int type,
                             cresolv_record *records, int capacity, int *count, int *rcode);

#endif
