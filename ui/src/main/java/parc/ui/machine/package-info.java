/** Console pages and REST endpoints of the machine registry. */
package parc.ui.machine;
