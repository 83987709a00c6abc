/**
 * What is wrong with the controller right now (the store cannot be written, Git cannot be fetched,
 * a commit was rejected, a remote does not answer): one log line when a condition starts and one
 * when it ends, and the active ones for the status API, the dashboard and the metrics.
 */
package io.pdmgitops.controller.conditions;
