// fhirclient names polyfills (a webcrypto shim, a fetch ponyfill) that it needs only where the
// browser lacks crypto or fetch; every browser the app supports has both, so they are left out of
// the bundle and this module stands in for them.
export default undefined;
