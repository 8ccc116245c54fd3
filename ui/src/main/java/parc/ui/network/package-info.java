/**
 * Networks and discovery in the console and the REST API: networks, their sweeps and
 * devices, device types, and scanning one address.
 */
package parc.ui.network;
