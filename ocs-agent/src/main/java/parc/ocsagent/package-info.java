/**
 * The OCS Inventory NG agent protocol: zlib-framed XML messages from the agent (PROLOG,
 * INVENTORY, DOWNLOAD results) decoded into typed requests, and typed replies encoded
 * back. No Spring, no database; the codec arrives with the OCS agent issue.
 */
package parc.ocsagent;
