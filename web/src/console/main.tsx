import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/base.css';
import './console.css';
import { ConsoleApp } from './ConsoleApp';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><ConsoleApp /></StrictMode>);
