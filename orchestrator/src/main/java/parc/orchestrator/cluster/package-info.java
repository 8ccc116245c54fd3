/**
 * Several Parc nodes on one PostgreSQL: this node's identity and heartbeat, the nodes
 * seen, a node that stops answering noticed and its work taken over, and the settings
 * every node must share checked at start. The engines cluster on their own (Camunda's job
 * executor and external tasks, Quartz's clustered store); nothing here hands work out.
 */
package parc.orchestrator.cluster;
