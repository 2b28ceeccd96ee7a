import { createApp } from 'vue';
import App from './App.vue';
import Refused from './Refused.vue';

// Refused.vue is a type specification (see there); it is compiled, never shown.
void Refused;
createApp(App).mount('#app');
