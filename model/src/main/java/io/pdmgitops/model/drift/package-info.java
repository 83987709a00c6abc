/**
 * Desired against observed: a pure function from a snapshot and an inventory to a sync status, a
 * health and field drifts per resource. Pair first, then classify.
 */
package io.pdmgitops.model.drift;
