/** Retry and back-off policies: immutable values, pure functions of the attempt number. */
package io.pdmgitops.controller.retry;
