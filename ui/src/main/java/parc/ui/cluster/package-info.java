/**
 * The Cluster page and API: the nodes seen, which is missing, and who answered.
 */
package parc.ui.cluster;
