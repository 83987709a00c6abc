/** Retry policies of the work queue: immutable values, pure functions of the attempt number. */
package io.pdmgitops.controller.retry;
