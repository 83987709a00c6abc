/**
 * The loop: snapshot and inventory in, drift out, planned actions through the work queue to the
 * guest executor, one bulk poll per remote per cycle.
 */
package io.pdmgitops.controller.loop;
