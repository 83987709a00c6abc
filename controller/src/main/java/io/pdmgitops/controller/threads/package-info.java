/** The controller's own threads: named, so a thread dump says whose they are, and daemons. */
package io.pdmgitops.controller.threads;
