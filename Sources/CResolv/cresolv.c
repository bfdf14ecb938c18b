#include "cresolv.h"

#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

res_state cresolv_open(void) {
    res_state state = calloc(1, sizeof(struct __res_state));
    if (state == NULL) return NULL;
    if (res_ninit(state) != 0) {
        res_nclose(state);
        free(state);
        return NULL;
    }
    // Names are asked fully qualified: no search list, no appending the host's domain.
    state->options &= ~(unsigned long)(RES_DEFNAMES | RES_DNSRCH);
    return state;
}

void cresolv_close(res_state state) {
    if (state == NULL) return;
    res_nclose(state);
    free(state);
}

void cresolv_set_timing(res_state state, int seconds, int tries) {
    state->retrans = seconds < 1 ? 1 : seconds;
    state->retry = tries < 1 ? 1 : tries;
}

int cresolv_set_server(res_state state, const char *address, unsigned short port) {
    struct sockaddr_in server;
    memset(&server, 0, sizeof server);
    server.sin_family = AF_INET;
    server.sin_port = htons(port);
    if (inet_pton(AF_INET, address, &server.sin_addr) != 1) return -1;
    // glibc prefers nsaddr_list[n] over its private IPv6 copy once sin_family is set here.
    state->nsaddr_list[0] = server;
    state->nscount = 1;
    return 0;
}

/// The record's data as text; 0 when it cannot be read.
static int record_data(const ns_msg *msg, const ns_rr *rr, cresolv_record *out) {
    const unsigned char *rdata = ns_rr_rdata(*rr);
    int rdlen = ns_rr_rdlen(*rr);
    switch (ns_rr_type(*rr)) {
    case ns_t_a:
        if (rdlen != 4) return 0;
        return inet_ntop(AF_INET, rdata, out->data, sizeof out->data) != NULL;
    case ns_t_aaaa:
        if (rdlen != 16) return 0;
        return inet_ntop(AF_INET6, rdata, out->data, sizeof out->data) != NULL;
    case ns_t_mx:
        if (rdlen < 3) return 0;
        out->preference = ns_get16(rdata);
        return ns_name_uncompress(ns_msg_base(*msg), ns_msg_end(*msg), rdata + 2, out->data, sizeof out->data) >= 0;
    case ns_t_cname:
    case ns_t_ptr:
        return ns_name_uncompress(ns_msg_base(*msg), ns_msg_end(*msg), rdata, out->data, sizeof out->data) >= 0;
    case ns_t_txt: {
        // Character-strings joined without separators, as SPF reads them.
        size_t used = 0;
        int at = 0;
        while (at < rdlen) {
            int len = rdata[at++];
            if (at + len > rdlen) return 0;
            size_t room = sizeof out->data - 1 - used;
            size_t take = (size_t)len < room ? (size_t)len : room;
            memcpy(out->data + used, rdata + at, take);
            used += take;
            at += len;
        }
        out->data[used] = 0;
        return 1;
    }
    default:
        return 0;
    }
}

cresolv_status cresolv_query(res_state state, const char *name, int type,
                             cresolv_record *records, int capacity, int *count, int *rcode) {
    unsigned char answer[65536];
    *count = 0;
    *rcode = -1;
    // A zeroed header tells "no reply" (QR bit still 0) from a failure reply: glibc reports both a
    // timeout and a SERVFAIL/REFUSED reply as TRY_AGAIN with errno ETIMEDOUT, but leaves the reply here.
    memset(answer, 0, sizeof(HEADER));
    int len = res_nquery(state, name, ns_c_in, type, answer, sizeof answer);
    if (len < 0) {
        HEADER *header = (HEADER *)answer;
        switch (state->res_h_errno) {
        case HOST_NOT_FOUND: *rcode = ns_r_nxdomain; return cresolv_nxdomain;
        case NO_DATA: *rcode = ns_r_noerror; return cresolv_answered;
        default:
            if (!header->qr) return errno == ECONNREFUSED ? cresolv_failed : cresolv_timeout;
            *rcode = header->rcode;
            return cresolv_failed;
        }
    }
    ns_msg msg;
    if (ns_initparse(answer, len, &msg) < 0) return cresolv_failed;
    *rcode = ns_msg_getflag(msg, ns_f_rcode);
    int n = ns_msg_count(msg, ns_s_an);
    for (int i = 0; i < n && *count < capacity; i++) {
        ns_rr rr;
        if (ns_parserr(&msg, ns_s_an, i, &rr) < 0) break;
        cresolv_record *out = &records[*count];
        memset(out, 0, sizeof *out);
        out->type = ns_rr_type(rr);
        strncpy(out->owner, ns_rr_name(rr), sizeof out->owner - 1);
        if (record_data(&msg, &rr, out)) (*count)++;
    }
    return cresolv_answered;
}
