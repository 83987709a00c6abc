/**
 * The write path: changes asked for in the web UI become commits in the desired-state repository,
 * checked for validity and for the caller's rights before anything is pushed.
 */
package io.pdmgitops.controller.write;
