import type { ReactNode } from 'react';
import '../admin/admin.css';

export default function SignInLayout({ children }: { children: ReactNode }) {
  return children;
}
