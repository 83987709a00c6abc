/**
 * The FirewallOptions kind: a PVE cluster's, node's or guest's firewall options (enable, default
 * policies, log levels), judged field by field against {@code .../firewall/options} and set with
 * one PUT guarded by the digest read. Rules, aliases and IP sets are out of scope.
 */
package io.pdmgitops.model.firewall;
