/** Plans of branches, commits and directories against the live fleet (POST /api/v1/plan). */
package io.pdmgitops.controller.plan;
