/**
 * The work queue: one reconcile per resource at a time, events during a run merged into one
 * follow-up, retries on a timer, a cap on concurrent runs (the Java Operator SDK's rules).
 */
package io.pdmgitops.controller.queue;
