import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './portal.css';
import { PortalApp } from './PortalApp';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><PortalApp /></StrictMode>);
