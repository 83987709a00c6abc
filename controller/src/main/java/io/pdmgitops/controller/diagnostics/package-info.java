/** Reports work that takes far longer than it should, with where it is stuck. */
package io.pdmgitops.controller.diagnostics;
