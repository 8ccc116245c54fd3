/**
 * Test services shared by every module that tests against Parc's real database (published
 * as this module's test-jar): the embedded PostgreSQL the application itself uses, one
 * per test context, cached per JVM.
 */
package parc.orchestrator.testsupport;
