export { expectValidResponse } from './response.js';
