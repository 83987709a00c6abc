/** A stateful PVE/PBS API simulator speaking the real wire format (issue #3). */
package io.pdmgitops.simulator;
