/**
 * Schedules over HTTP: {@code /api/schedules}, their runs and their next fire times.
 */
package parc.ui.schedule;
