/** What the backup servers hold: the newest backup of each guest, read on an interval. */
package io.pdmgitops.controller.backups;
