/**
 * The payloads captured from the real OCS agent 2.10, made into as many distinct machines
 * as a test needs; published in this module's test-jar for the routes and app tests.
 */
package parc.ocsagent.testsupport;
