/**
 * The FirewallOptions kind's reconciler: reads each declared place's options, and sets drifting
 * ones with one digest-guarded PUT through the journal.
 */
package io.pdmgitops.reconcilers.firewall;
