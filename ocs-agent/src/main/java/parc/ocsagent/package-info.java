/**
 * The OCS Inventory NG agent protocol (as the Unix agent 2.10 speaks it, see
 * {@code docs/ocs-agent-protocol.md}): request bodies framed as zlib, gzip or plain XML
 * decoded into typed {@link parc.ocsagent.OcsRequest}s, and replies encoded back in the
 * framing the agent used. A plain library: no Spring, no database, thread-safe, no shared
 * state.
 */
package parc.ocsagent;
