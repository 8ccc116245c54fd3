/** Page requests and pages of results shared by every list in Parc (console and REST). */
package parc.orchestrator.system.paging;
