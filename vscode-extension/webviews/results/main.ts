import '../shared/base.css';
import { listen } from '../shared/host';

// Placeholder view until the feature lands.
listen(() => {});
