/**
 * Networks: declared by admins or learned from the address and mask of machines' network
 * cards ({@link parc.orchestrator.network.NetworkRange} does the address arithmetic with
 * the ipaddress library), renamed or ignored by admins, and what each one holds.
 */
package parc.orchestrator.network;
